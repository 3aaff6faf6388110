// Verb sets used by the registrations (what discovery advertises and the server accepts).
export const STANDARD_VERBS = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];
export const READ_ONLY_VERBS = ["get", "list", "watch"];
export const CREATE_ONLY_VERBS = ["create"];
