// Live progress of loads (Unggah, Jobs) by server-sent events.
// An element with data-poll is a part of the page that follows a running load; the elements with
// data-stream in it (or itself) name the load's event stream. Each "kemajuan" event updates the rows
// read, the step and the step counts shown; the "selesai" event asks the server once for the part
// again (data-poll), which then shows the outcome; a part marked data-reload has the whole page asked again. Where the browser has no EventSource, or its stream
// cannot be opened, htmx asks for the part every data-poll-every instead (polling, the fallback).
(() => {
    const number = value => new Intl.NumberFormat(document.documentElement.lang || 'id').format(value);

    const poll = part => {
        if (part.hasAttribute('data-reload')) {
            window.setTimeout(() => window.location.reload(), 5000);
            return;
        }
        if (part.hasAttribute('hx-get') || !window.htmx) {
            return;
        }
        part.setAttribute('hx-get', part.dataset.poll);
        part.setAttribute('hx-trigger', 'every ' + (part.dataset.pollEvery || '2s'));
        part.setAttribute('hx-swap', 'outerHTML');
        htmx.process(part);
    };

    const refresh = part => {
        if (part.dataset.refreshing) {
            return;
        }
        part.dataset.refreshing = 'yes';
        (part.sources || []).forEach(source => source.close());
        if (part.hasAttribute('data-reload')) {
            window.location.reload();
            return;
        }
        htmx.ajax('GET', part.dataset.poll, {target: part, swap: 'outerHTML'});
    };

    const show = (element, part, report) => {
        element.querySelectorAll('[data-rows-read]').forEach(e => { e.textContent = number(report.rows_read); });
        element.querySelectorAll('[data-step]').forEach(e => {
            const step = report.step && part.dataset['step' + report.step.charAt(0).toUpperCase() + report.step.slice(1)];
            e.textContent = step ? ' (' + step + ')' : '';
        });
        element.querySelectorAll('[data-steps]').forEach(list => {
            list.replaceChildren(...report.steps.map(step => {
                const item = document.createElement('li');
                const name = document.createElement('span');
                name.className = 'code';
                name.textContent = step.name;
                item.append(name, number(step.read) + ' / ' + number(step.written) + ' / ' + number(step.skipped));
                return item;
            }));
        });
    };

    const follow = (element, part) => {
        const source = new EventSource(element.dataset.stream);
        part.sources = (part.sources || []).concat(source);
        source.addEventListener('kemajuan', event => show(element, part, JSON.parse(event.data)));
        source.addEventListener('selesai', () => {
            source.close();
            refresh(part);
        });
        source.addEventListener('error', () => {
            if (source.readyState === EventSource.CLOSED && !part.dataset.refreshing) {
                poll(part);
            }
        });
    };

    const setUp = root => {
        const parts = [...root.querySelectorAll('[data-poll]')];
        if (root.matches && root.matches('[data-poll]')) {
            parts.push(root);
        }
        parts.filter(part => !part.dataset.live).forEach(part => {
            part.dataset.live = 'yes';
            const streams = part.matches('[data-stream]') ? [part] : [...part.querySelectorAll('[data-stream]')];
            if (!('EventSource' in window) || streams.length === 0) {
                poll(part);
            } else {
                streams.forEach(element => follow(element, part));
            }
        });
    };

    document.addEventListener('DOMContentLoaded', () => {
        setUp(document);
        document.body.addEventListener('htmx:load', event => setUp(event.detail.elt));
    });
})();
