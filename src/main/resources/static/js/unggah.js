// Unggah: a file dropped anywhere on the drop zone becomes the file input's file (the input itself
// stays for keyboard use); the chosen file's name is shown under it.
document.addEventListener('DOMContentLoaded', () => {
    const zone = document.getElementById('drop-zone');
    const input = document.getElementById('berkas');
    const chosen = document.getElementById('chosen');
    if (!zone || !input) {
        return;
    }
    const show = () => {
        chosen.textContent = input.files.length ? input.files[0].name : '';
    };
    input.addEventListener('change', show);
    ['dragenter', 'dragover'].forEach(type => zone.addEventListener(type, event => {
        event.preventDefault();
        zone.classList.add('over');
    }));
    ['dragleave', 'drop'].forEach(type => zone.addEventListener(type, () => zone.classList.remove('over')));
    zone.addEventListener('drop', event => {
        event.preventDefault();
        if (event.dataTransfer.files.length) {
            input.files = event.dataTransfer.files;
            show();
        }
    });
});
