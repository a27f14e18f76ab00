/** ssj-draw/1 (shared/spec/draw-v1.md): tickets, selection, assignment, commitment, record, verification. */
export * from './utf8';
export * from './ticket';
export * from './ticket-hasher';
export * from './ticket-heap';
export * from './sample-size';
export * from './selection';
export * from './frame';
export * from './assignment';
export * from './jcs';
export * from './digests';
export * from './record.schema';
export * from './difference';
export * from './validity';
export * from './verify';
export * from './run-draw';
export * from './pool-eligibility';
