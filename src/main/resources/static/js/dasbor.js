// Draws the dashboard's charts from the JSON in the page (#dashboard-data); the tables beside them
// hold the same numbers. Suppressed cells have no value (null): the chart leaves a gap there.
document.addEventListener('DOMContentLoaded', function () {
    var data = JSON.parse(document.getElementById('dashboard-data').textContent);
    if (typeof Chart === 'undefined') {
        return;
    }
    Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
    Chart.defaults.maintainAspectRatio = false;
    data.charts.forEach(function (chart) {
        var canvas = document.querySelector('canvas[data-chart="' + chart.id + '"]');
        if (!canvas || chart.labels.length === 0) {
            return;
        }
        // a trend of one or two months is clearer as bars than as a line with nothing to join
        var type = chart.type === 'line' && chart.labels.length < 3 ? 'bar' : chart.type;
        var horizontal = type === 'bar' && chart.labels.length > 6;
        new Chart(canvas, {
            type: type,
            data: {
                labels: chart.labels,
                datasets: [{
                    label: canvas.getAttribute('aria-label'),
                    data: chart.values,
                    backgroundColor: '#2f6f8f',
                    borderColor: '#2f6f8f',
                    spanGaps: false,
                    maxBarThickness: 56
                }]
            },
            options: {
                indexAxis: horizontal ? 'y' : 'x',
                animation: false,
                plugins: {legend: {display: false}},
                scales: {x: {beginAtZero: true, ticks: {precision: 0}}, y: {beginAtZero: true, ticks: {precision: 0}}}
            }
        });
        canvas.setAttribute('data-drawn', 'true');
    });
});
