/** The OpenSSJ mark: a die (the public, verifiable draw) on a blue tile. */
export function BrandMark({ size = 32 }: { readonly size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 64 64"
      aria-hidden="true"
      focusable="false"
      style={{ flex: 'none' }}
    >
      <rect width="64" height="64" rx="14" fill="#1f5fbf" />
      <rect x="14" y="14" width="36" height="36" rx="8" fill="#fff" />
      <circle cx="24" cy="24" r="4" fill="#c8161d" />
      <circle cx="40" cy="24" r="4" fill="#1f5fbf" />
      <circle cx="32" cy="32" r="4" fill="#c8161d" />
      <circle cx="24" cy="40" r="4" fill="#1f5fbf" />
      <circle cx="40" cy="40" r="4" fill="#c8161d" />
    </svg>
  );
}
