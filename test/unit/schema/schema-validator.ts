// The invitations JSON Schema run by a real validator: ajv in draft 2020-12 mode, strict, so a keyword it does not
// know or a pattern it cannot compile fails loudly instead of being ignored. Two of strict mode's lints are off:
// `required` in the kind rules' if/then names keys whose types the invitation's `properties` already give
// (strictRequired), and keywords such as `pattern` under `not` apply to strings without repeating `type` (strictTypes).
import Ajv2020 from "ajv/dist/2020.js";
import { invitationsJsonSchema } from "../../../src/schema/index.js";

const ajv = new Ajv2020({ strict: true, strictTypes: false, strictRequired: false, allErrors: true });

/** ajv's verdict on `data` (read as JSON, as an editor reads the file). */
export const schemaAccepts = ajv.compile(invitationsJsonSchema);
