// Resizes every amzwidget iframe on a host page (<iframe data-amzwidget>),
// from the height messages the widget sends. Include once per page.
(function(){"use strict";window.addEventListener("message",function(e){var d=e.data,h=d&&d.sentinel==="amp"&&d.type==="embed-size"?d.height:0;if(!(h>0))return;var f=document.querySelectorAll("iframe[data-amzwidget]");for(var i=0;i<f.length;i++){if(f[i].contentWindow===e.source){f[i].style.height=Math.ceil(h)+"px";f[i].setAttribute("scrolling","no");}}});})();
