import { AppError } from "@/lib/errors/app-error";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// Any /api path that no route serves: a JSON 404 like every other API error, not the HTML page.
const notFound = route({ access: "public" }, async () => {
  throw new AppError("NOT_FOUND", "No such API route");
});

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
