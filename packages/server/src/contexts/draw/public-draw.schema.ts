/**
 * The public draw page's reply: commitment, seed and source, witnesses, strata with frame
 * sizes, exclusion counts, selections and teams by badge number (一公开; no names of people).
 */
import {
  assignmentSchema,
  commitmentObjectSchema,
  overrideSchema,
  selectedTargetSchema,
} from '@openssj/core';
import { z } from 'zod';
import { drawSummarySchema } from '../workflow';

export const publicDrawSchema = z.object({
  draw: drawSummarySchema,
  task: z.object({
    id: z.string(),
    title: z.string(),
    leadDepartmentCode: z.string(),
    participants: z.array(z.string()),
  }),
  commitmentObject: commitmentObjectSchema,
  selections: z.array(selectedTargetSchema.extend({ name: z.string() })),
  assignments: z.array(assignmentSchema),
  overrides: z.array(overrideSchema),
  recordAvailable: z.boolean(),
});
