/**
 * How inspectors look on the wire, and the mapper from rows (qualifications are JSON: parsed).
 */
import { certificateStatus, qualificationsSchema, type IsoDate } from '@openssj/core';
import { z } from 'zod';
import type { InspectorRow } from './inspector.repo';

/** An inspector of the library. */
export const inspectorViewSchema = z.object({
  id: z.string(),
  badgeNo: z.string().nullable(),
  name: z.string(),
  departmentCode: z.string(),
  unitCode: z.string().nullable(),
  regionCode: z.string(),
  qualifications: qualificationsSchema,
  specialties: z.array(z.string()),
  expert: z.boolean(),
  active: z.boolean(),
  activeFrom: z.string().nullable(),
  activeTo: z.string().nullable(),
  capacity: z.int().nullable(),
  updatedAt: z.string(),
  /** The 行政执法证 on the server's today (China): expired, expiring within 30 days, valid, unrecorded; experts need none. */
  certificate: z.object({
    state: z.enum(['valid', 'expiring', 'expired', 'unrecorded', 'notRequired']),
    expiresOn: z.string().nullable(),
    daysLeft: z.int().nullable(),
  }),
});
export type InspectorView = z.infer<typeof inspectorViewSchema>;

/** A row as a view, its certificate seen on `today` (China). */
export function inspectorView(r: InspectorRow, today: IsoDate): InspectorView {
  const qualifications = qualificationsSchema.parse(r.qualifications);
  return {
    id: r.id,
    badgeNo: r.badgeNo,
    name: r.name,
    departmentCode: r.departmentCode,
    unitCode: r.unitCode,
    regionCode: r.regionCode,
    qualifications,
    specialties: r.specialties,
    expert: r.expert,
    active: r.active,
    activeFrom: r.activeFrom,
    activeTo: r.activeTo,
    capacity: r.capacity,
    updatedAt: r.updatedAt.toISOString(),
    certificate: certificateStatus({ expert: r.expert, qualifications }, today),
  };
}
