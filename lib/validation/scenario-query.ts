import { z } from "zod";
import { localeSchema } from "./scenario";

export const listScenariosQuerySchema = z.strictObject({ locale: localeSchema.optional() });
export const scenarioIdSchema = z.string().uuid();
