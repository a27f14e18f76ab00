/** Publication (一公开): masking personal data for the public portal. */
export * from './masking';
