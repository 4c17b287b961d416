// ml-logistic-regression ships no types; this is the part scripts/lib/theme-eval.ts uses.
declare module 'ml-logistic-regression/src/logreg_2classes.js' {
  import type { Matrix } from 'ml-matrix';
  export default class LogisticRegressionTwoClasses {
    constructor(options?: { numSteps?: number; learningRate?: number });
    train(features: Matrix, target: Matrix): void;
    /** Probability of class 1 for each row. */
    testScores(features: Matrix): number[];
  }
}
