// Any /api/v1 path without its own handler: 401 without a session, 404 with one.
import { AppError } from "@/lib/http/errors";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

const notFound = route({
  handler: async ({ url }) => {
    throw new AppError("not_found", `No API route ${url.pathname}`);
  },
});

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
