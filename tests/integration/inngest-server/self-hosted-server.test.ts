import { describeAgainstInngestServer } from "../../helpers/inngest-server-suite";

// `inngest start`: the self-hosted server as in production (signing and event keys, signed requests).
describeAgainstInngestServer("signed");
