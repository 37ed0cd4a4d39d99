// The performance suite, run on the generated 10,000-note repo: `npm run test:perf`.
import './ten-thousand.test.js';
