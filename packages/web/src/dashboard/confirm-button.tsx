import type { ComponentChildren } from "preact";
import { useRef } from "preact/hooks";

interface ConfirmButtonProps {
  /** The button that opens the question. */
  readonly label: string;
  /** What will happen, asked as a question. */
  readonly question: ComponentChildren;
  readonly confirmLabel: string;
  readonly onConfirm: () => void;
  readonly disabled?: boolean;
}

/** An action that cannot be undone: asked again in a modal dialog before it runs. */
export function ConfirmButton({ label, question, confirmLabel, onConfirm, disabled }: ConfirmButtonProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  return (
    <>
      <button
        class="button danger"
        type="button"
        disabled={disabled}
        onClick={() => dialog.current?.showModal()}
      >
        {label}
      </button>
      <dialog ref={dialog} aria-label={label}>
        <p>{question}</p>
        <form method="dialog" class="actions">
          <button
            class="button danger"
            type="submit"
            onClick={(event) => {
              event.preventDefault();
              dialog.current?.close();
              onConfirm();
            }}
          >
            {confirmLabel}
          </button>
          <button class="button secondary" type="submit">
            انصراف
          </button>
        </form>
      </dialog>
    </>
  );
}
