/** A vitest `setupFiles` entry: `setupFiles: ['@twilio-proxy/contract/vitest/setup']`. */
import { installContractMatchers } from './install.js';

export type {} from './matchers.js';

installContractMatchers();
