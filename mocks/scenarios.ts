// The named scenarios for stories, the demo and tests ship with the package (seatkit/mock).
export * from '../src/mock/scenarios.js';
