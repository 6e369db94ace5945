use super::*;
use crate::number::parse_number_native as native;

fn read(text: &str, classes: usize) -> Result<Vec<OwnPoint>, Said> {
    read_csv(text.as_bytes(), classes, native)
}

fn refusal(text: &str, classes: usize) -> Said {
    read(text, classes).expect_err("a bad file is refused")
}

#[test]
fn a_good_file_reads_with_or_without_its_header() {
    let rows = "0.5,-0.25,1\n-1,1,0\n0,0,1\n";
    let want = vec![
        OwnPoint {
            x: 500,
            y: -250,
            class: 1,
        },
        OwnPoint {
            x: -1000,
            y: 1000,
            class: 0,
        },
        OwnPoint {
            x: 0,
            y: 0,
            class: 1,
        },
    ];
    assert_eq!(read(rows, 2).unwrap(), want);
    assert_eq!(read(&format!("x,y,label\n{rows}"), 2).unwrap(), want);
    // Spaces, blank lines, no final line end.
    assert_eq!(read(" 0.5 , -0.25 ,1\n\n-1,1,0\n0,0,1", 2).unwrap(), want);
}

#[test]
fn a_bom_and_windows_line_ends_are_fine() {
    let text = "\u{FEFF}x,y,label\r\n0.1,0.2,0\r\n0.3,0.4,1\r\n";
    let points = read(text, 2).unwrap();
    assert_eq!(
        points,
        [
            OwnPoint {
                x: 100,
                y: 200,
                class: 0
            },
            OwnPoint {
                x: 300,
                y: 400,
                class: 1
            }
        ]
    );
}

#[test]
fn coordinates_are_rounded_to_the_grid() {
    let points = read("0.12345,-0.99949,0\n", 2).unwrap();
    assert_eq!(
        points,
        [OwnPoint {
            x: 123,
            y: -999,
            class: 0
        }]
    );
}

#[test]
fn a_bad_row_is_named_by_its_line_number() {
    // Line numbers count every line, the header and blank ones included.
    let e = refusal("x,y,label\n0.1,0.2,0\n\n0.1,abc,1\n", 2);
    assert_eq!(e.en, "line 4: y must be a number from -1 to 1, got \"abc\"");
    assert_eq!(
        e.ja,
        "4 行目: y は -1 以上 1 以下の数でなければなりません (「abc」でした)"
    );
    let e = refusal("0.1,0.2\n", 2);
    assert!(
        e.en.starts_with("line 1: must be x,y,label (3 values), got 2"),
        "{}",
        e.en
    );
    assert!(e.ja.starts_with("1 行目: "), "{}", e.ja);
    let e = refusal("0.1,0.2,0,4\n", 2);
    assert!(
        e.en.starts_with("line 1: must be x,y,label (3 values), got 4"),
        "{}",
        e.en
    );
    // A header is only ever the first line.
    let e = refusal("0,0,0\nx,y,label\n", 2);
    assert!(e.en.starts_with("line 2: "), "{}", e.en);
}

#[test]
fn out_of_range_and_odd_numbers_are_refused() {
    for (row, what) in [
        ("1.001,0,0", "x"),
        ("0,-1.5,0", "y"),
        ("NaN,0,0", "x"),
        ("inf,0,0", "x"),
        ("0x1,0,0", "x"),
        ("1e400,0,0", "x"),
        (",0,0", "x"),
    ] {
        let e = refusal(&format!("0,0,1\n{row}\n"), 2);
        assert!(
            e.en.starts_with(&format!("line 2: {what} must be a number from -1 to 1")),
            "{row}: {}",
            e.en
        );
    }
    // The plane's own corners are in.
    assert_eq!(read("-1,-1,0\n1,1,1\n1e-3,-0,0\n", 2).unwrap().len(), 3);
}

/// A header is a line of names: a first line holding a number of any kind,
/// a non-finite one too, is a point, and a bad point is refused by its line,
/// never skipped as a header (the point was lost, "1 points", without a word).
#[test]
fn a_first_line_of_non_finite_numbers_is_a_bad_point_not_a_header() {
    for (first, what, value) in [
        ("NaN,0.2,1", "x", "NaN"),
        ("Infinity,5,1", "x", "Infinity"),
        ("inf,0,0", "x", "inf"),
        ("nan,0,1", "x", "nan"),
        ("INF,0,1", "x", "INF"),
        ("infinity,0.5,0", "x", "infinity"),
        ("x,0.2,1", "x", "x"),
        ("Nope,NaN,1", "x", "Nope"),
        ("x,Infinity,label", "x", "x"),
        ("x,-inf,label", "x", "x"),
    ] {
        let e = refusal(&format!("{first}\n0.1,0.2,0\n"), 2);
        assert_eq!(
            e.en,
            format!("line 1: {what} must be a number from -1 to 1, got \"{value}\""),
            "{first}"
        );
        assert_eq!(
            e.ja,
            format!("1 行目: {what} は -1 以上 1 以下の数でなければなりません (「{value}」でした)"),
            "{first}"
        );
    }
    // A line of names still is a header, in any case, whatever the names.
    for header in [
        "x,y,label",
        "X,Y,Label",
        "x,y,class",
        "a,b,c",
        "x , y , label",
    ] {
        assert_eq!(
            read(&format!("{header}\n0.1,0.2,0\n0.3,0.4,1\n"), 2)
                .unwrap()
                .len(),
            2,
            "{header}"
        );
    }
}

#[test]
fn a_wrong_label_is_refused() {
    for label in ["2", "-1", "1.0", "a", "", "01"] {
        let e = refusal(&format!("0,0,{label}\n"), 2);
        assert!(
            e.en.starts_with("line 1: label must be 0 or 1"),
            "{label}: {}",
            e.en
        );
        assert!(e.ja.contains("0 か 1"), "{}", e.ja);
    }
    assert_eq!(read("0,0,2\n", 3).unwrap()[0].class, 2);
    let e = refusal("0,0,3\n", 3);
    assert!(
        e.en.starts_with("line 1: label must be 0, 1 or 2"),
        "{}",
        e.en
    );
}

#[test]
fn too_many_rows_are_refused_at_the_first_one_over() {
    let row = "0.1,0.1,1\n";
    let most = format!("x,y,label\n{}", row.repeat(MAX_OWN_POINTS));
    assert_eq!(read(&most, 2).unwrap().len(), MAX_OWN_POINTS);
    let e = refusal(&format!("{most}{row}"), 2);
    assert_eq!(
        e.en,
        format!(
            "line {}: more than 2000 points; a set holds at most 2000",
            MAX_OWN_POINTS + 2
        )
    );
    assert!(e.ja.contains("2000 点を超えています"), "{}", e.ja);
}

#[test]
fn an_empty_file_is_refused() {
    for text in ["", "\n\n", "x,y,label\n", "\u{FEFF}", "  \r\n"] {
        let e = refusal(text, 2);
        assert!(
            e.en.starts_with("the file holds no points"),
            "{text:?}: {}",
            e.en
        );
        assert!(e.ja.starts_with("ファイルに点がありません"), "{}", e.ja);
    }
}

#[test]
fn a_file_that_is_not_text_or_too_large_is_refused() {
    let e = read_csv(b"0,0,1\n0,\xff,1\n", 2, native).unwrap_err();
    assert!(e.en.starts_with("line 2: is not text"), "{}", e.en);
    let big = vec![b'\n'; csv::MAX_CSV_BYTES + 1];
    let e = read_csv(&big, 2, native).unwrap_err();
    assert!(e.en.contains("larger than 1024 KB"), "{}", e.en);
}

#[test]
fn a_long_bad_value_is_quoted_short() {
    let e = refusal(&format!("{},0,0\n", "9".repeat(100)), 2);
    assert!(
        e.en.ends_with("got \"999999999999999999999999…\""),
        "{}",
        e.en
    );
}

#[test]
fn saving_writes_what_reading_reads_back() {
    let points = vec![
        OwnPoint {
            x: -1000,
            y: 1000,
            class: 0,
        },
        OwnPoint {
            x: 5,
            y: -45,
            class: 1,
        },
        OwnPoint {
            x: 999,
            y: -999,
            class: 2,
        },
        OwnPoint {
            x: 0,
            y: 0,
            class: 0,
        },
    ];
    let text = write_csv(&points);
    assert_eq!(
        text,
        "x,y,label\n-1.000,1.000,0\n0.005,-0.045,1\n0.999,-0.999,2\n0.000,0.000,0\n"
    );
    assert_eq!(read(&text, 3).unwrap(), points);
}

#[test]
fn the_link_form_round_trips_and_is_short() {
    assert_eq!(encode(&[]), "");
    assert_eq!(decode("").unwrap(), []);
    let points: Vec<OwnPoint> = (0..MAX_LINK_POINTS as i32)
        .map(|k| OwnPoint {
            x: k * 10 - 1000,
            y: 1000 - k * 7,
            class: (k % 3) as u8,
        })
        .collect();
    for n in [1, 2, 3, 6, MAX_LINK_POINTS] {
        let text = encode(&points[..n]);
        assert!(text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
        assert_eq!(text.len(), (4 * (1 + 3 * n)).div_ceil(3), "{n}");
        assert_eq!(decode(&text).unwrap(), &points[..n], "{n}");
    }
    assert_eq!(encode(&points).len(), 802);
    let corners = [
        OwnPoint {
            x: -1000,
            y: -1000,
            class: 0,
        },
        OwnPoint {
            x: 1000,
            y: 1000,
            class: 2,
        },
    ];
    assert_eq!(decode(&encode(&corners)).unwrap(), corners);
}

#[test]
fn a_bad_link_value_says_why() {
    let good = encode(&[
        OwnPoint {
            x: 1,
            y: 2,
            class: 1,
        },
        OwnPoint {
            x: 3,
            y: 4,
            class: 0,
        },
    ]);
    for bad in [
        format!("{good}="),            // padding is not written
        format!("{}+", &good[1..]),    // base64's other alphabet
        good[..good.len() - 1].into(), // cut short
        format!("B{}", &good[1..]),    // another version
        "A".into(),
    ] {
        let e = decode(&bad).unwrap_err();
        assert!(
            e.en.starts_with("is not points as the page writes them"),
            "{bad}: {}",
            e.en
        );
        assert!(
            e.ja.starts_with("ページが書き出す点の形式ではありません"),
            "{}",
            e.ja
        );
    }
    // x = 2001 steps: off the map.
    let off = encode(&[OwnPoint {
        x: 1001,
        y: 0,
        class: 0,
    }]);
    assert_eq!(
        decode(&off).unwrap_err().en,
        "point 1 is off the map or of no class"
    );
    let classless = encode(&[
        OwnPoint {
            x: 0,
            y: 0,
            class: 0,
        },
        OwnPoint {
            x: 0,
            y: 0,
            class: 3,
        },
    ]);
    assert_eq!(
        decode(&classless).unwrap_err().ja,
        "2 番目の点がマップの外にあるか、クラスがありません"
    );
    let many = vec![
        OwnPoint {
            x: 0,
            y: 0,
            class: 0
        };
        MAX_LINK_POINTS + 1
    ];
    assert!(decode(&encode(&many))
        .unwrap_err()
        .en
        .starts_with("holds more than 200 points"));
}

#[test]
fn the_training_set_is_every_point_one_hot_for_three_classes() {
    let points = [
        OwnPoint {
            x: -1000,
            y: 1000,
            class: 1,
        },
        OwnPoint {
            x: 0,
            y: 500,
            class: 2,
        },
    ];
    let two = split(&points[..1], 2);
    assert!(two.test.is_none());
    assert_eq!((two.train.len(), two.train.n_outputs), (1, 1));
    assert_eq!(
        (two.train.input(0), two.train.target(0)),
        (&[0.0, 1.0][..], &[1.0][..])
    );
    let three = split(&points, 3);
    assert_eq!(three.train.n_outputs, 3);
    assert_eq!(three.train.input(1), [0.5, 0.75]);
    assert_eq!(three.train.target(1), [0.0, 0.0, 1.0]);
    assert_eq!(split(&[], 3).train.len(), 0);
}
