import { isRecord } from "../../../templates/validation";

/** An error answer of the admin API, or a request that got no answer. */
export class ApiProblem extends Error {
  constructor(
    /** HTTP status; 0 when the request never got an answer. */
    readonly status: number,
    readonly code: string,
    message: string,
    /** The field the API named, e.g. `settings.count`. */
    readonly field?: string,
  ) {
    super(message);
    this.name = "ApiProblem";
  }
}

/** Reads the API's `{error: {code, message, field}}` body of a failed
 * response; a body of another shape still gives a sentence. */
export async function problemOf(response: Response): Promise<ApiProblem> {
  const body: unknown = await response.json().catch(() => undefined);
  const error = isRecord(body) && isRecord(body.error) ? body.error : {};
  const { code, message, field } = error;
  return new ApiProblem(
    response.status,
    typeof code === "string" ? code : "http_error",
    typeof message === "string"
      ? message
      : `The edge answered ${response.status} ${response.statusText}.`,
    typeof field === "string" ? field : undefined,
  );
}
