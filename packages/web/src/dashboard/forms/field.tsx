import type { ComponentChildren } from "preact";
import { FORM, type FieldErrors } from "./field-errors.ts";

interface FieldFrameProps {
  readonly name: string;
  readonly label: string;
  readonly errors: FieldErrors;
  readonly hint?: string;
  readonly children: (describedBy: string | undefined, invalid: true | undefined) => ComponentChildren;
}

/** A label, the control, a hint and the API's message for this field right under it. */
function FieldFrame({ name, label, errors, hint, children }: FieldFrameProps) {
  const id = `field-${name}`;
  const error = errors[name];
  const describedBy = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {children(describedBy || undefined, error ? true : undefined)}
      {hint ? (
        <p id={`${id}-hint`} class="hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} class="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

interface FieldProps {
  readonly name: string;
  readonly label: string;
  readonly errors: FieldErrors;
  readonly hint?: string;
}

interface InputProps extends FieldProps {
  readonly type?: "text" | "email" | "password" | "tel";
  readonly autocomplete?: string;
  readonly inputMode?: "numeric" | "text";
  readonly dir?: "ltr" | "rtl";
  readonly required?: boolean;
}

export function Field({ name, label, errors, hint, type = "text", ...input }: InputProps) {
  return (
    <FieldFrame name={name} label={label} errors={errors} hint={hint}>
      {(describedBy, invalid) => (
        <input
          id={`field-${name}`}
          name={name}
          // preact types <input> as a union keyed by `type`; each of these four is a text-like input.
          type={type as "text"}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          {...input}
        />
      )}
    </FieldFrame>
  );
}

interface SelectProps extends FieldProps {
  readonly value?: string;
  readonly onChange?: (value: string) => void;
  readonly children: ComponentChildren;
}

export function SelectField({ name, label, errors, hint, value, onChange, children }: SelectProps) {
  return (
    <FieldFrame name={name} label={label} errors={errors} hint={hint}>
      {(describedBy, invalid) => (
        <select
          id={`field-${name}`}
          name={name}
          value={value}
          onChange={onChange ? (event) => onChange(event.currentTarget.value) : undefined}
          aria-describedby={describedBy}
          aria-invalid={invalid}
        >
          {children}
        </select>
      )}
    </FieldFrame>
  );
}

/** An error message announced when it appears; nothing when there is none. */
export function ErrorAlert({ message }: { readonly message: string | null | undefined }) {
  return message ? (
    <p class="form-error" role="alert">
      {message}
    </p>
  ) : null;
}

/** An error about the whole form (no `field`). */
export function FormError({ errors }: { readonly errors: FieldErrors }) {
  return <ErrorAlert message={errors[FORM]} />;
}
