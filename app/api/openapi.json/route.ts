import { route } from "@/lib/http/route";
import { buildOpenApiDocument } from "@/lib/openapi/build-openapi-document";

// GET /api/openapi.json – the OpenAPI 3.1 document of every route (public: it describes, it holds no data; decision 021)
export const GET = route({ access: "public" }, async () => buildOpenApiDocument());
