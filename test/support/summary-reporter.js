/**
 * Prints one plain closing line, `jest: N passed, N failed, N skipped`, that CI can read
 * regardless of jest's own summary format. Skipped tests are listed with their reason upstream.
 */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    process.stdout.write(`\njest: ${results.numPassedTests} passed, ${failed} failed, ${results.numPendingTests + results.numTodoTests} skipped\n`);
  }
}
module.exports = SummaryReporter;
