/**
 * The contract between the spreadsheet import runner (imports/import-runner.ts) and each
 * kind of import (targets, inspectors, items). Headers are matched by their Chinese name.
 */
import type { FieldIssue, Result } from '@openssj/core';
import type { AuditContext } from '../auth/actor';
import type { Db } from '../../../db/client';

export type ImportKind = 'targets' | 'inspectors' | 'items' | 'tiers' | 'risk-facts' | 'accounts';

/** One column of a template. */
export interface HeaderSpec {
  /** Key in the parsed raw row. */
  readonly key: string;
  /** The template's Chinese header, e.g. 统一社会信用代码. */
  readonly zh: string;
  readonly en: string;
  readonly required: boolean;
  /** Other spellings accepted in a file's header row. */
  readonly aliases?: readonly string[];
  /** The example row's value in the downloadable template. */
  readonly example: string;
}

/** What a kind needs while it validates (reference data, the caller). */
export interface ImportContext {
  readonly audit: AuditContext;
  readonly now: Date;
}

export interface UpsertCounts {
  readonly added: number;
  readonly updated: number;
  readonly unchanged: number;
}

/** The steps of a staged write's final merge, for progress. */
export type MergeStep = 'merging' | 'indexing';

/**
 * Set-based writing for large libraries (issue 18): an import opens a stage on its transaction,
 * stages the accepted rows batch by batch (COPY into a temporary table, merged a chunk at a time)
 * and finishes once the file is read.
 */
export interface StagedWrite<Row> {
  open(tx: Db, ctx: ImportContext): Promise<WriteStage<Row>>;
}

/** One import's stage. */
export interface WriteStage<Row> {
  stage(rows: readonly Row[]): Promise<void>;
  /** Merge what is left; `onStep` hears each step as it starts. */
  finish(onStep: (step: MergeStep) => void): Promise<UpsertCounts>;
}

/** One kind of import. */
export interface ImportSpec<Row> {
  readonly kind: ImportKind;
  readonly headers: readonly HeaderSpec[];
  /** Lines for the template's notes sheet (说明), e.g. what a blank cell means. */
  readonly notes?: readonly string[];
  /** Parse and validate one row (raw values keyed by HeaderSpec.key; absent optional columns are ''). */
  parseRow(
    raw: Readonly<Record<string, string>>,
    rowNumber: number,
    ctx: ImportContext,
  ): Result<Row, FieldIssue[]>;
  /** The row's id, for duplicate detection within a file and for upsert. */
  keyOf(row: Row): string;
  /** Checks that need the database (e.g. unknown department), on a batch; return issues per row. */
  checkBatch?(
    db: Db,
    rows: readonly { row: Row; rowNumber: number }[],
    ctx: ImportContext,
  ): Promise<FieldIssue[]>;
  /** Stage and merge instead of upserting batch by batch (`upsert` stays for small writes). */
  readonly staged?: StagedWrite<Row>;
  /** Write a batch inside the import's transaction, reporting added / updated / unchanged. */
  upsert(tx: Db, rows: readonly Row[], ctx: ImportContext): Promise<UpsertCounts>;
}
