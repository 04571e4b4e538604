/**
 * The command line as bin/extract.js runs it, followed by the process's peak
 * resident memory (worker threads included) as the last line of standard
 * error: `maxRSS=<kB>`. The speed benchmark runs it as a child process.
 */
import { main } from '../cli/main.js';

process.exitCode = await main(process.argv.slice(2));
process.stderr.write(`maxRSS=${process.resourceUsage().maxRSS}\n`);
