import { benchEngine } from './engine';

/** `npm run bench`: every speed target of the project, measured and printed. */
benchEngine();
