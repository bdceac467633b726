/*
 * The task page's live log: follows /api/scaffolder/v2/tasks/{id}/eventstream (server-sent events),
 * appends each log line, marks step states and the progress bar, and reloads the page once at the
 * completion event so the output links and final states show. No polling.
 */
(function () {
    var log = document.getElementById('taskLog');
    if (!log || log.getAttribute('data-finished') === 'true' || !window.EventSource) {
        return;
    }
    var source = new EventSource(log.getAttribute('data-stream'));
    var steps = document.querySelectorAll('#taskSteps li');
    var progress = document.querySelector('#taskProgress span');

    function mark(stepId, status) {
        var li = document.getElementById('step-' + stepId);
        if (!li || !status) {
            return;
        }
        li.className = 'bl-step bl-step-' + status;
        var label = li.querySelector('.bl-step-status');
        if (label) {
            label.textContent = status;
        }
        var done = document.querySelectorAll('#taskSteps li.bl-step-completed, #taskSteps li.bl-step-skipped').length;
        if (progress && steps.length) {
            progress.style.width = Math.round(done * 100 / steps.length) + '%';
        }
    }

    function append(event) {
        var data = JSON.parse(event.data);
        var body = data.body || {};
        log.appendChild(document.createTextNode((body.message || '') + '\n'));
        log.scrollTop = log.scrollHeight;
        mark(body.stepId, body.status);
        return body;
    }

    source.addEventListener('log', append);
    source.addEventListener('cancelled', append);
    source.addEventListener('completion', function (event) {
        var body = append(event);
        source.close();
        var status = document.getElementById('taskStatus');
        if (status) {
            status.textContent = body.status || 'ended';
        }
        window.setTimeout(function () { window.location.reload(); }, 300);
    });
    source.onerror = function () {
        if (source.readyState === EventSource.CLOSED) {
            return;
        }
    };
}());
