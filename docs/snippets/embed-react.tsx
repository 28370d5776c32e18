import { useEffect, useRef } from 'react';
import 'seatkit/define';
import { createHttpAdapter, type TeamMembers } from 'seatkit';

const adapter = createHttpAdapter({ baseUrl: '/api' });

export function TeamSettings({ onChange }: { onChange: () => void }) {
  const team = useRef<TeamMembers>(null);
  useEffect(() => {
    const el = team.current;
    if (!el) return;
    el.adapter = adapter; // a property, not an attribute
    el.addEventListener('seatkit-member-removed', onChange);
    return () => el.removeEventListener('seatkit-member-removed', onChange);
  }, [onChange]);
  return <team-members ref={team} />;
}
