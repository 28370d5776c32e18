// seatkit/rules: the pure rules shared by the elements and the mock backend.
export * from './plans.ts';
export * from './cycles.ts';
export * from './seats.ts';
export * from './permissions.ts';
export * from './invitations.ts';
export * from './emails.ts';
export * from './invite-validation.ts';
export * from './csv.ts';
