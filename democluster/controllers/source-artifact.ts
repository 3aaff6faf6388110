// Artifact records as source-controller writes them in status.artifact.
import { sha256Hex } from "../sim/hash";
import { nowTime } from "../sim/objects";

export interface Artifact {
  digest: string;
  lastUpdateTime: string;
  path: string;
  revision: string;
  size: number;
  url: string;
}

const STORAGE = "http://source-controller.flux-system.svc.cluster.local.";

export function makeArtifact(
  kindPath: string,
  namespace: string,
  name: string,
  revision: string,
  file: string,
): Artifact {
  const digest = sha256Hex(`${kindPath}/${namespace}/${name}@${revision}`);
  const path = `${kindPath}/${namespace}/${name}/${file}`;
  return {
    digest: `sha256:${digest}`,
    lastUpdateTime: nowTime(),
    path,
    revision,
    size: 2000 + (parseInt(digest.slice(0, 6), 16) % 90000),
    url: `${STORAGE}/${path}`,
  };
}

/** "main@sha1:abc…" -> "abc…" (the part after the last ':'), used for file names. */
export function revisionDigest(revision: string): string {
  const i = revision.lastIndexOf(":");
  return i < 0 ? revision : revision.slice(i + 1);
}
