import { app } from "./app";

export { OperationLimiter } from "./limiter/operation-limiter";
export default app;
