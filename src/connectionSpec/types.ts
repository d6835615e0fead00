/** The spec's typed model lives in core (the planner needs it; core imports no other folder). */
export type * from '../core/specModel';
