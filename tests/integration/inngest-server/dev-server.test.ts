import { describeAgainstInngestServer } from "../../helpers/inngest-server-suite";

// `inngest dev`: the local development server (no keys, unsigned requests).
describeAgainstInngestServer("dev");
