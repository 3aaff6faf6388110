// GET …/reviews and …/reviews/{id}: reviews of a release, and one review with its evidence and hash check.
import "server-only";
import { verifyEvidenceHash } from "@/lib/checklist";
import type { Principal } from "@/lib/auth/principal";
import { AppError } from "@/lib/http/errors";
import { requireSubject } from "./access";
import type { ReviewDetailView, ReviewView } from "./api-types";
import { parseEvidence } from "./signoff";
import { findReview, listReviews, toReviewView } from "./store/reviews";
import { keyOf } from "./subjects";

export async function reviewList(
  cluster: string,
  user: Principal,
  namespace: string,
  name: string,
): Promise<{ reviews: ReviewView[] }> {
  const { release } = await requireSubject(cluster, user, namespace, name);
  return { reviews: (await listReviews(keyOf(cluster, release), 100)).map(toReviewView) };
}

export async function reviewDetail(
  cluster: string,
  user: Principal,
  namespace: string,
  name: string,
  id: string,
): Promise<ReviewDetailView> {
  const { release } = await requireSubject(cluster, user, namespace, name);
  const row = await findReview(keyOf(cluster, release), id);
  if (!row) throw new AppError("not_found", `No review ${id} for ${namespace}/${name}`);
  const view: ReviewDetailView = toReviewView(row);
  if (row.evidence) {
    const evidence = parseEvidence(row);
    view.evidence = evidence;
    view.hashVerified = verifyEvidenceHash(evidence) && evidence.hash === row.evidenceHash;
  }
  return view;
}
