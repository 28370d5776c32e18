-- Seatkit's tables. Every row belongs to one account and every key starts with account_id: a
-- query of one account reads that account's part of an index, however many accounts share the
-- tables. Ids, emails and name keys use the "C" collation (byte order), the order the list sorts
-- by everywhere (rules/order.ts), and the one btree comparisons are cheapest in.
--
-- No foreign keys: the store writes an account's rows itself, always under the account's lock,
-- and deletes them together with the account; a bulk insert then pays no per-row check.

CREATE TABLE seatkit_accounts (
  id text COLLATE "C" PRIMARY KEY,
  plan_id text NOT NULL,
  period text NOT NULL,
  anchor timestamptz NOT NULL,
  cycle_start timestamptz NOT NULL,
  cycle_end timestamptz NOT NULL,
  paid_seats integer NOT NULL,
  credential text NOT NULL,
  transfer_failures integer NOT NULL,
  transfer_locked_until timestamptz,
  team_inbox integer NOT NULL,
  kept_recordings integer NOT NULL,
  team_integrations jsonb NOT NULL,
  charge_count integer NOT NULL,
  test_now timestamptz,
  actor_id text COLLATE "C",
  -- Counters the store keeps with every member and invitation it writes, so that seat counts
  -- and list totals never count rows: {"agent": {"active": 3, "deactivated": 1}, ...} and
  -- {"agent": 2, ...} (open invitations, pending or expired, by role).
  member_counts jsonb NOT NULL DEFAULT '{}',
  open_invitation_counts jsonb NOT NULL DEFAULT '{}'
);

CREATE TABLE seatkit_members (
  account_id text COLLATE "C" NOT NULL,
  id text COLLATE "C" NOT NULL,
  -- The order members were added in (snapshots list them so).
  seq bigint GENERATED ALWAYS AS IDENTITY,
  name text NOT NULL,
  email text NOT NULL,
  canonical text COLLATE "C" NOT NULL,
  name_key text COLLATE "C" NOT NULL,
  role text COLLATE "C" NOT NULL,
  status text COLLATE "C" NOT NULL,
  version integer NOT NULL,
  recordings integer NOT NULL,
  sms_conversations integer NOT NULL,
  campaigns jsonb NOT NULL,
  personal_integrations jsonb NOT NULL,
  PRIMARY KEY (account_id, id),
  UNIQUE (account_id, canonical)
);
-- The list, a page at a time: by name; by role or by status, then name (one index range per
-- role or status); also a role or status filter on any sort.
CREATE INDEX seatkit_members_by_name ON seatkit_members (account_id, name_key, id);
CREATE INDEX seatkit_members_by_role ON seatkit_members (account_id, role, name_key, id);
CREATE INDEX seatkit_members_by_status ON seatkit_members (account_id, status, name_key, id);

CREATE TABLE seatkit_invitations (
  account_id text COLLATE "C" NOT NULL,
  id text COLLATE "C" NOT NULL,
  seq bigint GENERATED ALWAYS AS IDENTITY,
  email text NOT NULL,
  canonical text COLLATE "C" NOT NULL,
  role text COLLATE "C" NOT NULL,
  phone_number text,
  -- Where phone_number rang when the move was confirmed: {"type": "member", "memberId": ...}.
  number_from jsonb,
  sent_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  accepted_at timestamptz,
  revoked_at timestamptz,
  version integer NOT NULL,
  PRIMARY KEY (account_id, id)
);
-- Open invitations (neither accepted nor revoked) are listed, sorted by their canonical email;
-- closed ones are history and stay out of these indexes.
CREATE INDEX seatkit_invitations_open_by_email ON seatkit_invitations (account_id, canonical, id)
  WHERE accepted_at IS NULL AND revoked_at IS NULL;
CREATE INDEX seatkit_invitations_open_by_role ON seatkit_invitations (account_id, role, canonical, id)
  WHERE accepted_at IS NULL AND revoked_at IS NULL;
-- Pending (expires_at > now) versus expired: the seats pending invitations hold.
CREATE INDEX seatkit_invitations_open_by_expiry ON seatkit_invitations (account_id, expires_at)
  WHERE accepted_at IS NULL AND revoked_at IS NULL;

CREATE TABLE seatkit_phone_numbers (
  account_id text COLLATE "C" NOT NULL,
  number text COLLATE "C" NOT NULL,
  seq bigint GENERATED ALWAYS AS IDENTITY,
  -- Who it rings: a member, a ring group, or nobody.
  member_id text COLLATE "C",
  ring_group_id text COLLATE "C",
  PRIMARY KEY (account_id, number),
  CHECK (member_id IS NULL OR ring_group_id IS NULL)
);
CREATE INDEX seatkit_phone_numbers_by_member ON seatkit_phone_numbers (account_id, member_id)
  WHERE member_id IS NOT NULL;

CREATE TABLE seatkit_ring_groups (
  account_id text COLLATE "C" NOT NULL,
  id text COLLATE "C" NOT NULL,
  seq bigint GENERATED ALWAYS AS IDENTITY,
  name text NOT NULL,
  PRIMARY KEY (account_id, id)
);

-- Every id ever handed out in an account (members, invitations, ring groups): never reused.
CREATE TABLE seatkit_reserved_ids (
  account_id text COLLATE "C" NOT NULL,
  id text COLLATE "C" NOT NULL,
  seq bigint GENERATED ALWAYS AS IDENTITY,
  PRIMARY KEY (account_id, id)
);

-- Charges and invoices keep their dates as the engine wrote them (ISO 8601 text).
CREATE TABLE seatkit_charges (
  account_id text COLLATE "C" NOT NULL,
  seq bigint GENERATED ALWAYS AS IDENTITY,
  id text COLLATE "C" NOT NULL,
  member_id text COLLATE "C" NOT NULL,
  amount integer NOT NULL,
  at text NOT NULL,
  reason text NOT NULL,
  PRIMARY KEY (account_id, seq)
);

CREATE TABLE seatkit_invoices (
  account_id text COLLATE "C" NOT NULL,
  seq bigint GENERATED ALWAYS AS IDENTITY,
  amount integer NOT NULL,
  seats integer NOT NULL,
  date text NOT NULL,
  PRIMARY KEY (account_id, seq)
);

-- Idempotency-Keys, per signed-in member. response is null while the request is in flight.
CREATE TABLE seatkit_idempotency_keys (
  account_id text COLLATE "C" NOT NULL,
  member_id text COLLATE "C" NOT NULL,
  key text COLLATE "C" NOT NULL,
  fingerprint text NOT NULL,
  claimed_at timestamptz NOT NULL,
  response json,
  PRIMARY KEY (account_id, member_id, key)
);
-- Keys past their time are swept a few at a time by later claims.
CREATE INDEX seatkit_idempotency_keys_by_age ON seatkit_idempotency_keys (account_id, claimed_at);
