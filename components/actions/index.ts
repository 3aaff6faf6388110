// Public surface of components/actions (the lead drops these into detail pages, list rows and the shell).
export { ResourceActions } from "./resource-actions";
export { BulkActions } from "./bulk-actions";
export { OperationProgress } from "./operation-progress";
export { OperationsList } from "./operations-list";
export { Toaster } from "./toaster";
