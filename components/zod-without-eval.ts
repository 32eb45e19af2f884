import { z } from "zod";

// zod compiles object parsers with `new Function` when it may; the pages' CSP allows no eval, so
// even zod's probe for it is reported as a violation. Interpreted parsing is fast enough for forms.
z.config({ jitless: true });
