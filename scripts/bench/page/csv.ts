// A realistic bulk-invite file: mostly new people, with the mistakes real files have (a bad
// address, a repeated row, someone already on the team, a role the plan lacks) every few rows.
export function inviteCsv(rows: number): string {
  const lines = ['email,role,phone_number'];
  for (let i = 0; i < rows; i++) {
    if (i % 97 === 13) lines.push(`not-an-email-${i},agent,`);
    else if (i % 89 === 7) lines.push(`new.person.${i - 1}@example.net,agent,`);
    else if (i % 83 === 5) lines.push(`ada.adams.${(i % 15) + 1}@example.com,agent,`);
    else if (i % 71 === 3) lines.push(`new.person.${i}@example.net,supervisor,`);
    else lines.push(`new.person.${i}@example.net,${i % 25 === 0 ? 'admin' : 'agent'},`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * Files built to freeze a page (issue 13, item 14), each just under the 10 MB limit: one row of
 * nothing but commas (ten million empty fields), and one field of 4.9 million escaped quotes (`""`).
 */
export const HOSTILE_CSV = {
  commas: () => ','.repeat(9_900_000),
  quotes: () => `email,role\r\n"${'""'.repeat(4_900_000)}",agent\r\n`,
} as const;
export type HostileCsv = keyof typeof HOSTILE_CSV;
