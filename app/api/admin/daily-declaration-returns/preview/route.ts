import { previewDistribution } from "@/lib/distribution/preview-distribution";
import { previewQuery } from "@/lib/distribution/schemas";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// GET /api/admin/daily-declaration-returns/preview?rosPercentage= – projected ROS and pool qualification
export const GET = route({ access: "signed-in", query: previewQuery }, ({ query }) =>
  previewDistribution({ rosPercentage: query.rosPercentage }),
);
