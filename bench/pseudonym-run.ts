// Prints the pseudonymisation measurement as JSON, measured in this process alone (see
// measurePseudonymisationApart in pseudonym.ts). Argument: megabytes of text (default 50).
import { measurePseudonymisation } from './pseudonym.ts';

console.log(JSON.stringify(measurePseudonymisation(Number(process.argv[2] ?? 50))));
