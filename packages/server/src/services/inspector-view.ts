/**
 * How inspectors look on the wire, and the mapper from rows (qualifications are JSON: parsed).
 */
import { qualificationsSchema } from '@openssj/core';
import { z } from 'zod';
import type { InspectorRow } from '../db/repos/inspector.repo';

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
});
export type InspectorView = z.infer<typeof inspectorViewSchema>;

/** A row as a view. */
export function inspectorView(r: InspectorRow): InspectorView {
  return {
    id: r.id,
    badgeNo: r.badgeNo,
    name: r.name,
    departmentCode: r.departmentCode,
    unitCode: r.unitCode,
    regionCode: r.regionCode,
    qualifications: qualificationsSchema.parse(r.qualifications),
    specialties: r.specialties,
    expert: r.expert,
    active: r.active,
    activeFrom: r.activeFrom,
    activeTo: r.activeTo,
    capacity: r.capacity,
    updatedAt: r.updatedAt.toISOString(),
  };
}
