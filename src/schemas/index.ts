// The wire contract: every object that crosses between the elements and a backend.
export * from './constants.ts';
export * from './common.ts';
export * from './plan.ts';
export * from './team.ts';
export * from './phone.ts';
export * from './billing.ts';
export * from './removal.ts';
export * from './problem.ts';
export * from './requests.ts';
export * from './scenario.ts';
