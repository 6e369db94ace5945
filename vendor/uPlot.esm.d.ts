// The page imports uPlot from vendor/uPlot.esm.js, where dist/ serves it
// (scripts/build-dist.sh copies it there from the npm package). For the type
// check (tsconfig.json), it is that package, with its own declarations.
import uPlot from 'uplot';
export default uPlot;
