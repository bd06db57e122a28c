/**
 * Progressive enhancement for "Cite this entry": reveals the copy button and copies the citation
 * text, saying "Copied" in the status region so screen readers announce it too.
 */

/** Wires every `[data-citation]` block under `root`. */
export function initCopyButtons(root: ParentNode): void {
	for (const block of root.querySelectorAll<HTMLElement>('[data-citation]')) {
		const button = block.querySelector<HTMLButtonElement>('[data-copy-citation]');
		const text = block.querySelector<HTMLElement>('.citation-text');
		const status = block.querySelector<HTMLElement>('[data-copy-status]');
		if (!button || !text || !status) continue;
		button.hidden = false;
		let clear: ReturnType<typeof setTimeout> | undefined;
		button.addEventListener('click', async () => {
			const copied = await copy(text);
			// Emptied first, so that a second copy is announced again.
			status.textContent = '';
			clearTimeout(clear);
			setTimeout(() => {
				status.textContent = copied ? 'Copied' : 'Selected: press Ctrl+C (⌘C) to copy';
				clear = setTimeout(() => (status.textContent = ''), 5000);
			}, 50);
		});
	}
}

/** Clipboard API where allowed; otherwise selects the text so that the reader can copy it. */
async function copy(element: HTMLElement): Promise<boolean> {
	try {
		await navigator.clipboard.writeText(element.textContent ?? '');
		return true;
	} catch {
		const range = document.createRange();
		range.selectNodeContents(element);
		const selection = getSelection();
		selection?.removeAllRanges();
		selection?.addRange(range);
		return false;
	}
}
