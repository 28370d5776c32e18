// The wire contract: every object that crosses between the elements and a backend.
export * from './constants.js';
export * from './common.js';
export * from './plan.js';
export * from './team.js';
export * from './phone.js';
export * from './billing.js';
export * from './removal.js';
export * from './problem.js';
export * from './requests.js';
export * from './scenario.js';
export * from './batch.js';
