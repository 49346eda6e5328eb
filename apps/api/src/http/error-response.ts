import { z } from 'zod';

export const FieldErrorSchema = z.object({
  /** Where the field was: body, querystring, params or headers; absent when the domain refused it. */
  in: z.string().optional(),
  field: z.string(),
  message: z.string(),
});

/** Every error the API sends has this shape; clients switch on `code`, never on `message`. */
export const ErrorResponseSchema = z
  .object({
    code: z.string(),
    message: z.string(),
    requestId: z.string(),
    fields: z.array(FieldErrorSchema).optional(),
  })
  .meta({ id: 'ErrorResponse' });

export type FieldError = z.infer<typeof FieldErrorSchema>;
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;
