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
