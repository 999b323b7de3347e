/** An assessment's review settings at a glance: a badge for each one that is on. */
export function SettingBadges({ anonymous, blind }: { anonymous: boolean; blind: boolean }) {
  if (!anonymous && !blind) return null;
  return (
    <span className="admin-setting-badges">
      {anonymous && (
        <span className="badge admin-badge-setting" title="Reviewers do not see candidates’ names until reviewed">
          anonymous
        </span>
      )}
      {blind && (
        <span className="badge admin-badge-setting" title="Reviewers score before they see the pre-grade">
          blind
        </span>
      )}
    </span>
  );
}
