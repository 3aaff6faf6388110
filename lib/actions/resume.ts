// resume: remove spec.suspend (merge-patch null) and the suspend annotations, and set a requestedAt token. Done
// when Ready=True for the new generation.
import { define, plainInput } from "./definition";

export const resume = define("resume", "resume", plainInput("resume"));
