/** Hands text to the browser as a file download, named as given. */
export function downloadText(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has the blob once the click is handled; the URL is released a moment later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
