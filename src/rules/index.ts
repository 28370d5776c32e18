// seatkit/rules: the pure rules shared by the elements and the mock backend.
export * from './plans.js';
export * from './cycles.js';
export * from './seats.js';
export * from './permissions.js';
export * from './invitations.js';
export * from './emails.js';
export * from './invite-validation.js';
export * from './csv.js';
export * from './order.js';
